package io.reelay.provider.openai;

import io.reelay.event.ProviderError;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.OpenAiStyleErrors;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * Classifies the Videos API's non-2xx answers,
 * {@code {"error":{"message","type","param","code"}}}; an exhausted balance comes as 429
 * {@code insufficient_quota}, which {@link io.reelay.provider.http.HttpFailures} knows.
 */
final class OpenAiErrors {

	private final ProviderHttpClient http;

	OpenAiErrors(ProviderHttpClient http) {
		this.http = http;
	}

	HttpAnswer expectSuccess(HttpAnswer answer, CallKind kind) {
		return this.http.expectSuccess(answer, kind, this::errorOf);
	}

	private ProviderError errorOf(HttpAnswer answer) {
		return OpenAiStyleErrors.fromAnswer(this.http.json(), answer);
	}

}
