// The official openai client against StepCache's front door: models, a completion, a stream, an error.
// Prints one JSON report on stdout; RealBackendIT asserts on it. Settings come from the environment:
// STEPCACHE_BASE_URL (http://localhost:9180/v1), STEPCACHE_API_KEY (a client key: it decides the tenant).
import OpenAI from "openai";

const client = new OpenAI({
  baseURL: process.env.STEPCACHE_BASE_URL,
  apiKey: process.env.STEPCACHE_API_KEY,
  maxRetries: 0,
  timeout: 60_000,
});
const math = { headers: { "X-StepCache-Task": "math-linear" } };
const stepcache = (headers) => Object.fromEntries(
  [...headers.entries()].filter(([k]) => k.toLowerCase().startsWith("x-stepcache-")));

const report = {};

const models = await client.models.list();
report.models = models.data.map((m) => m.id);
const model = report.models[0];

// 1. a plain completion (a MISS: the model's text goes through the solver)
const { data: completion, response } = await client.chat.completions
  .create({ model, messages: [{ role: "user", content: "Solve 3x + 5 = 20." }], temperature: 0, max_tokens: 32 }, math)
  .withResponse();
report.completion = {
  id: completion.id, object: completion.object, model: completion.model,
  content: completion.choices[0].message.content, role: completion.choices[0].message.role,
  finish_reason: completion.choices[0].finish_reason, usage: completion.usage, headers: stepcache(response.headers),
};

// 2. the same request streamed (a REUSE, replayed step by step)
const { data: stream, response: streamResponse } = await client.chat.completions
  .create({ model, messages: [{ role: "user", content: "Solve 3x + 5 = 20." }], temperature: 0, max_tokens: 32,
            stream: true, stream_options: { include_usage: true } }, math)
  .withResponse();
let content = "", chunks = 0, finish = null, usage = null, role = null;
for await (const chunk of stream) {
  chunks++;
  const choice = chunk.choices[0];
  if (choice?.delta?.role) role = choice.delta.role;
  if (choice?.delta?.content) content += choice.delta.content;
  if (choice?.finish_reason) finish = choice.finish_reason;
  if (chunk.usage) usage = chunk.usage;
}
report.stream = { content, chunks, finish_reason: finish, usage, role, headers: stepcache(streamResponse.headers) };

// 3. an unsupported parameter: a 400 the client raises as BadRequestError
try {
  await client.chat.completions.create({ model, messages: [{ role: "user", content: "Solve 3x + 5 = 20." }], top_p: 0.5 });
  report.error = null;
} catch (e) {
  report.error = { name: e.constructor.name, status: e.status, code: e.code, param: e.param, type: e.type, message: e.message };
}

console.log(JSON.stringify(report));
