package io.reelay.provider.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFailuresTests {

	@ParameterizedTest(name = "HTTP {0} on {1} -> {2}")
	@CsvSource({ "400, READ, INVALID_REQUEST", "401, READ, AUTHENTICATION", "403, READ, AUTHENTICATION",
			"402, CREATE, INSUFFICIENT_CREDITS", "404, READ, NOT_FOUND", "429, CREATE, RATE_LIMITED",
			"503, CREATE, PROVIDER_UNAVAILABLE", "408, CREATE, PROVIDER_UNAVAILABLE", "500, READ, PROVIDER_UNAVAILABLE",
			"502, READ, PROVIDER_UNAVAILABLE", "500, CREATE, SUBMISSION_OUTCOME_UNKNOWN",
			"502, CREATE, SUBMISSION_OUTCOME_UNKNOWN", "504, CREATE, SUBMISSION_OUTCOME_UNKNOWN" })
	void mapsStatusCodes(int status, CallKind kind, FailureCode expected) {
		assertThat(HttpFailures.codeFor(status, kind, "")).isEqualTo(expected);
	}

	@Test
	void readsCreditAndContentPolicyHintsInTheProvidersError() {
		assertThat(HttpFailures.codeFor(403, CallKind.CREATE, "insufficient_quota you exceeded your quota"))
			.isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
		assertThat(HttpFailures.codeFor(429, CallKind.READ, "insufficient_quota you exceeded your quota"))
			.isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
		assertThat(HttpFailures.codeFor(429, CallKind.READ, "rate_limit_exceeded")).isEqualTo(FailureCode.RATE_LIMITED);
		assertThat(HttpFailures.codeFor(400, CallKind.CREATE, "content_policy_violation"))
			.isEqualTo(FailureCode.CONTENT_POLICY);
	}

	@Test
	void keepsTheProvidersErrorAndAsksForItsRetryAfter() {
		var failure = HttpFailures.forStatus("generic", CallKind.READ,
				new ProviderError(429, "rate_limit_exceeded", "slow down"), headers(Map.of("Retry-After", "7")));
		assertThat(failure.code()).isEqualTo(FailureCode.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(failure.providerError().code()).isEqualTo("rate_limit_exceeded");
		assertThat(failure.getMessage())
			.isEqualTo("generic is rate limiting Reelay (HTTP 429 rate_limit_exceeded: slow down)");
	}

	@Test
	void readsRetryAfterAsAnHttpDate() {
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
		Duration wait = HttpFailures.retryAfter(headers(Map.of("Retry-After", inTenSeconds)));
		assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
		assertThat(HttpFailures.retryAfter(headers(Map.of("Retry-After", "soon")))).isNull();
	}

	@Test
	void treatsACallThatNeverConnectedAsSafeToRepeatEvenForCreate() {
		var failure = HttpFailures.forIo("generic", CallKind.CREATE, new ConnectException("Connection refused"));
		assertThat(failure.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
		assertThat(failure.retryable()).isTrue();
	}

	@Test
	void neverRepeatsACreateThatTimedOutAfterItWasSent() {
		var create = HttpFailures.forIo("generic", CallKind.CREATE, new HttpTimeoutException("request timed out"));
		var read = HttpFailures.forIo("generic", CallKind.READ, new IOException("Connection reset"));
		assertThat(create.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
		assertThat(create.retryable()).isFalse();
		assertThat(read.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
		assertThat(read.retryable()).isTrue();
	}

	private static HttpHeaders headers(Map<String, String> values) {
		Map<String, List<String>> lists = new java.util.HashMap<>();
		values.forEach((name, value) -> lists.put(name, List.of(value)));
		return HttpHeaders.of(lists, (name, value) -> true);
	}

}
