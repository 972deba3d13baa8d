package io.reelay.event;

/**
 * What the provider itself said when it refused or failed, kept as it was sent.
 *
 * @param httpStatus the HTTP status of the provider's answer, if there was one
 * @param code the provider's own error code (e.g. a MiniMax
 * {@code base_resp.status_code})
 */
public record ProviderError(Integer httpStatus, String code, String message) {

}
