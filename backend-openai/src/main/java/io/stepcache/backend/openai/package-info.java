/**
 * The OpenAI-compatible backend: {@link io.stepcache.backend.openai.OpenAiBackend} talks to
 * any chat-completions server (vLLM, llama.cpp's llama-server, Ollama, TGI, hosted APIs) over
 * {@code java.net.http}, with timeouts, bounded retries, streaming, usage accounting, {@code
 * response_format: json_schema} and a per-tenant {@code cache_salt}. JSON through JSON-P
 * ({@code jakarta.json}, Parsson outside the server, Liberty's own provider inside it), with the
 * nesting of server answers bounded.
 */
package io.stepcache.backend.openai;
