package io.stepcache.client;

import java.io.Serializable;

/**
 * An {@code application/problem+json} body (RFC 9457) as StepCache writes it: every refusal and failure of the API,
 * the authentication ones (401 {@code UNAUTHORIZED}, 403 {@code FORBIDDEN}, 429 {@code AUTH_THROTTLED}) included.
 *
 * @param type {@code https://stepcache.io/problems/<code in kebab case>}
 * @param title a fixed summary per code
 * @param status the HTTP status
 * @param detail what exactly went wrong
 * @param code the stable error code ({@code PROMPT_EMPTY}, {@code UNKNOWN_TASK}, ...)
 * @param taskCode the task pack's own code ({@code TASK_INPUT_INVALID} only), else {@code null}
 * @param incident the id an {@code INTERNAL} error was logged under, else {@code null}
 */
public record Problem(
    String type, String title, Integer status, String detail, String code, String taskCode, String incident)
    implements Serializable {}
