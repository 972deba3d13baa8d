package io.reelay.provider;

/**
 * The provider's answer to a create call.
 *
 * @param providerStatus the provider's own status word, e.g. {@code processing}
 */
public record SubmittedTask(String providerTaskId, String providerStatus) {

}
