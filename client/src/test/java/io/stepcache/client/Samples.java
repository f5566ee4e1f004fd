package io.stepcache.client;

/**
 * Response bodies as the server writes them (liberty's {@code CompletionJson.toJson} and {@code Problems.body}),
 * copied from real answers of the simulated model.
 */
final class Samples {

  private Samples() {}

  /** A math-linear MISS: no neighbour (similarity null), every step generated and checked. */
  static final String MISS = """
      {"output":"Subtract 5 from both sides: 3x = 15\\nDivide both sides by 3: x = 5\\nAnswer: x = 5",\
      "answer":{"x":5},"path":"MISS","task":"math-linear","verified":true,"verification":"checked",\
      "steps":[{"index":0,"text":"Subtract 5 from both sides: 3x = 15","origin":"GENERATED","verified":true,\
      "verification":"checked"},{"index":1,"text":"Divide both sides by 3: x = 5","origin":"GENERATED",\
      "verified":true,"verification":"checked"},{"index":2,"text":"Answer: x = 5","origin":"GENERATED",\
      "verified":true,"verification":"checked"}],"similarity":null,\
      "usage":{"promptTokens":41,"completionTokens":27,"totalTokens":68},"latencyMs":921.4,"entryId":null,\
      "storedEntryId":"ent_0123456789abcdef01234567","truncated":false}""";

  /** A json PATCH that is still not verified: findings present, no answer, a similarity. */
  static final String UNVERIFIED = """
      {"output":"{\\"name\\": \\"Dana\\"}","answer":null,"path":"PATCH","task":"json","verified":false,\
      "verification":"none","steps":[{"index":0,"text":"\\"name\\": \\"Dana\\"","origin":"REPAIRED",\
      "verified":true,"verification":"grounded"},{"index":1,"text":"\\"age\\": null","origin":"REUSED",\
      "verified":false,"verification":"none"}],"similarity":0.73,\
      "usage":{"promptTokens":12,"completionTokens":9,"totalTokens":21},"latencyMs":312.0,\
      "findings":["key 'age' is missing","step 1: value not found in the text"]}""";

  /**
   * A REUSE from a newer server: fields, nested fields and enum values this client does not know (entry ids, a
   * truncated flag, timings, a new path, origin and trust level).
   */
  static final String FROM_A_NEWER_SERVER = """
      {"output":"x = 7","answer":{"x":7},"path":"REUSE","task":"math-linear","verified":true,\
      "verification":"attested","entryId":"e-42","entryIds":["e-42","e-43"],"truncated":false,\
      "storedEntryId":null,\
      "timings":{"retrieveMs":0.2,"verifyMs":1.1,"phases":[{"name":"rebind","ms":0.1}]},\
      "steps":[{"index":0,"text":"x = 7","origin":"BORROWED","verified":true,"verification":"checked",\
      "checkpoint":{"tokens":16}},{"index":1,"text":"Answer: x = 7","origin":"REUSED","verified":true,\
      "verification":"checked","lineage":"e-41"}],"similarity":1.0,\
      "usage":{"promptTokens":0,"completionTokens":0,"totalTokens":0,"cachedTokens":68},"latencyMs":3.4,\
      "nextPath":"REFRESH"}""";

  /** 400 TASK_INPUT_INVALID with the pack's own code. */
  static final String PROBLEM_TASK_INPUT = """
      {"type":"https://stepcache.io/problems/task-input-invalid","title":"Task input invalid","status":400,\
      "detail":"The schema is not a valid JSON Schema: #/type: expected string","code":"TASK_INPUT_INVALID",\
      "taskCode":"JSON_SCHEMA_INVALID","seeAlso":"a member this client does not know"}""";

  /** 404 UNKNOWN_TASK. */
  static final String PROBLEM_UNKNOWN_TASK = """
      {"type":"https://stepcache.io/problems/unknown-task","title":"Unknown task","status":404,\
      "detail":"No task pack 'algebra' is loaded; loaded packs: [json, math-linear]","code":"UNKNOWN_TASK"}""";

  /** 401 as the server's AccessResponses writes it. */
  static final String PROBLEM_UNAUTHORIZED = """
      {"type":"https://stepcache.io/problems/unauthorized","title":"Unauthorized","status":401,\
      "detail":"An API key is required: Authorization: Bearer <key>","code":"UNAUTHORIZED"}""";

  /** 429 as the server's AccessResponses writes it (with Retry-After). */
  static final String PROBLEM_THROTTLED = """
      {"type":"https://stepcache.io/problems/auth-throttled","title":"Too many failed authentications",\
      "status":429,"detail":"Too many failed authentications; locked for 5 s","code":"AUTH_THROTTLED"}""";
}
