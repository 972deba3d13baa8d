package io.reelay.provider.openai;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.ProviderException;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.OpenAiStyleErrors;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * Classifies the Videos API's non-2xx answers,
 * {@code {"error":{"message","type","param","code"}}}. One case differs from the shared
 * rules: OpenAI answers an exhausted balance with 429 {@code insufficient_quota}, which
 * no amount of waiting fixes.
 */
final class OpenAiErrors {

	private final ProviderHttpClient http;

	OpenAiErrors(ProviderHttpClient http) {
		this.http = http;
	}

	HttpAnswer expectSuccess(HttpAnswer answer, CallKind kind) {
		if (answer.status() == 429) {
			ProviderError error = errorOf(answer);
			if ("insufficient_quota".equals(error.code())) {
				throw new ProviderException(FailureCode.INSUFFICIENT_CREDITS,
						"openai says the account has no credits left (HTTP 429 insufficient_quota"
								+ ((error.message() != null) ? ": " + error.message() : "") + ")",
						error);
			}
		}
		return this.http.expectSuccess(answer, kind, this::errorOf);
	}

	private ProviderError errorOf(HttpAnswer answer) {
		return OpenAiStyleErrors.fromAnswer(this.http.json(), answer);
	}

}
