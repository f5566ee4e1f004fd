// The openai npm client with its defaults against StepCache's OpenAI door: one case per run,
// `node sdk-cases.mjs <case>`. Each case asserts what only the SDK can tell (its error classes, its
// stream objects) and prints one JSON line that NodeOpenAiClientIT checks; a failed assertion exits non-zero
// with its message. Settings come from the environment: STEPCACHE_BASE_URL (http://localhost:9180/v1) and
// STEPCACHE_API_KEY (a client key: it decides the tenant, so each run uses a fresh one).
import assert from "node:assert/strict";
import OpenAI from "openai";

const options = { baseURL: process.env.STEPCACHE_BASE_URL, apiKey: process.env.STEPCACHE_API_KEY, maxRetries: 0,
  timeout: 60_000 };
const client = new OpenAI(options);
// the task named once for every request, with the SDK's own option
const math = new OpenAI({ ...options, defaultHeaders: { "X-StepCache-Task": "math-linear" } });
const model = "gpt-4o-mini";
const user = (content) => ({ role: "user", content });

/** The X-StepCache-* headers of a response, names in lower case. */
const stepcache = (headers) => Object.fromEntries(
  [...headers.entries()].filter(([k]) => k.toLowerCase().startsWith("x-stepcache-")).map(([k, v]) => [k.toLowerCase(), v]));

/** A non-streamed completion: what the SDK parsed, and how StepCache served it. */
async function complete(sdk, body) {
  const { data, response } = await sdk.chat.completions.create({ model, ...body }).withResponse();
  assert.equal(data.object, "chat.completion");
  assert.equal(data.choices.length, 1);
  return { content: data.choices[0].message.content, role: data.choices[0].message.role,
    finish_reason: data.choices[0].finish_reason, usage: data.usage, model: data.model,
    path: response.headers.get("x-stepcache-path"), headers: stepcache(response.headers) };
}

/** A streamed completion read with the SDK's async iterator. */
async function stream(sdk, body) {
  const { data, response } = await sdk.chat.completions
    .create({ model, ...body, stream: true, stream_options: { include_usage: true } }).withResponse();
  let content = "", role = null, finish = null, usage = null, last = null;
  const pieces = [];
  for await (const chunk of data) {
    assert.equal(chunk.object, "chat.completion.chunk");
    const choice = chunk.choices[0];
    if (choice?.delta?.role) role = choice.delta.role;
    if (choice?.delta?.content) { content += choice.delta.content; pieces.push(choice.delta.content); }
    if (choice?.finish_reason) finish = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
    last = chunk;
  }
  return { content, pieces: pieces.length, role, finish_reason: finish, usage,
    lastChunkChoices: last.choices.length, lastChunkUsage: last.usage ?? null,
    path: response.headers.get("x-stepcache-path"), headers: stepcache(response.headers) };
}

/** What the SDK raised for a request StepCache refuses. */
async function refused(body) {
  try {
    await client.chat.completions.create({ model, ...body });
  } catch (e) {
    assert.ok(e instanceof OpenAI.APIError, `an APIError, got ${e}`);
    return { name: e.constructor.name, badRequest: e instanceof OpenAI.BadRequestError, status: e.status,
      code: e.code, param: e.param, type: e.type, message: e.message };
  }
  assert.fail(`accepted: ${JSON.stringify(body)}`);
}

const cases = {
  // a system message is sent to the model and keys the cache: the same question under another one is a MISS
  async system() {
    const tutor = { role: "system", content: "You are a careful math tutor." };
    const question = user("Solve 3x + 5 = 20.");
    return {
      first: await complete(client, { messages: [tutor, question] }),
      again: await complete(client, { messages: [tutor, question] }),
      otherSystem: await complete(client, { messages: [{ role: "system", content: "You are a pirate." }, question] }),
    };
  },

  // user, assistant, user: the last user turn is the prompt, the turns before it are part of the key
  async multiTurn() {
    const first = await complete(math, { messages: [user("Solve 2x + 3 = 11.")] });
    const turns = [user("Solve 2x + 3 = 11."), { role: "assistant", content: first.content }, user("Solve 2x + 5 = 13.")];
    return { first, followUp: await complete(math, { messages: turns }), again: await complete(math, { messages: turns }) };
  },

  // stream_options.include_usage: content chunks, then a last chunk with no choices and the usage
  async stream() {
    const messages = [user("Solve 5x - 4 = 21.")];
    const streamed = await stream(math, { messages });
    return { streamed, plain: await complete(math, { messages }) };
  },

  // response_format json_object: the json pack, the keys named in the prompt
  async jsonObject() {
    const r = await complete(client, { messages: [user("Extract name and age as JSON: Bob is 42 years old.")],
      response_format: { type: "json_object" } });
    return { ...r, parsed: JSON.parse(r.content) };
  },

  // every standard parameter at its neutral value in one request, then the same request without them
  async neutral() {
    const neutral = { temperature: 1, top_p: 1, presence_penalty: 0, frequency_penalty: 0, logprobs: false,
      top_logprobs: 0, logit_bias: {}, stop: [], tools: [], tool_choice: "none", parallel_tool_calls: true, seed: 7,
      store: false, metadata: { app: "stepcache-it" }, service_tier: "auto", n: 1, user: "alice" };
    const messages = [user("Solve 7x + 2 = 30.")];
    return { sent: Object.keys(neutral), withThem: await complete(client, { messages, ...neutral }),
      without: await complete(client, { messages }) };
  },

  // refusals: the SDK's APIError with StepCache's code and the parameter's name
  async refusals() {
    const q = user("Solve 3x + 5 = 20.");
    return {
      n: await refused({ messages: [q], n: 2 }),
      logprobs: await refused({ messages: [q], logprobs: true }),
      toolMessage: await refused({ messages: [q, { role: "tool", tool_call_id: "call_1", content: "5" }, q] }),
      tools: await refused({ messages: [q], tools: [{ type: "function", function: { name: "add" } }] }),
    };
  },
};

const name = process.argv[2];
assert.ok(cases[name], `unknown case '${name}'; cases: ${Object.keys(cases).join(", ")}`);
console.log(JSON.stringify(await cases[name]()));
