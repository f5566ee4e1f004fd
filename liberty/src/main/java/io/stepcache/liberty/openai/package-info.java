/**
 * The OpenAI-compatible front door: {@code POST /v1/chat/completions} and {@code GET /v1/models}
 * in the standard request and response shapes (JSON or server-sent events), so that any OpenAI
 * client library can point at StepCache. StepCache's own information travels in {@code
 * X-StepCache-*} headers; errors use OpenAI's error shape. A JAX-RS application of its own
 * ({@link io.stepcache.liberty.openai.OpenAiApplication}) so that the native {@code /api} is
 * unchanged.
 */
package io.stepcache.liberty.openai;
