package io.reelay.provider.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.ProviderException;

/**
 * Turns what went wrong on the wire into a {@link ProviderException} with Reelay's code.
 * Shared by every adapter; each adapter first extracts the provider's own error from the
 * body.
 */
public final class HttpFailures {

	private static final Pattern CREDITS = Pattern.compile("quota|credit|balance|insufficient|billing|payment");

	private static final Pattern CONTENT_POLICY = Pattern
		.compile("policy|moderation|safety|sensitive|content_filter|nsfw|inappropriate");

	private HttpFailures() {
	}

	/**
	 * The failure for a non-2xx answer.
	 * @param provider the provider's name, for the message
	 * @param error what the provider said (its code and message), status included
	 */
	public static ProviderException forStatus(String provider, CallKind kind, ProviderError error,
			HttpHeaders headers) {
		int status = error.httpStatus();
		FailureCode code = codeFor(status, kind, hint(error));
		String said = describe(error);
		String message = switch (code) {
			case AUTHENTICATION -> provider + " refused Reelay's API key" + said;
			case INSUFFICIENT_CREDITS -> provider + " says the account has no credits left" + said;
			case CONTENT_POLICY -> provider + " refused the content" + said;
			case RATE_LIMITED -> provider + " is rate limiting Reelay" + said;
			case NOT_FOUND -> provider + " does not know this job" + said;
			case INVALID_REQUEST -> provider + " rejected the request" + said;
			case SUBMISSION_OUTCOME_UNKNOWN -> provider + " failed while creating the job" + said
					+ "; it may have been created, so Reelay does not submit it again";
			default -> provider + " is unavailable" + said;
		};
		Duration retryAfter = (status == 429 || status == 503) ? retryAfter(headers) : null;
		return new ProviderException(code, message, error, retryAfter, null);
	}

	/**
	 * Whether what the provider said reads like a content-policy refusal; providers put
	 * it in codes and messages rather than in a status of its own.
	 */
	public static boolean soundsLikeContentPolicy(ProviderError error) {
		return CONTENT_POLICY.matcher(hint(error)).find();
	}

	/** The failure for a call that got no HTTP answer at all. */
	public static ProviderException forIo(String provider, CallKind kind, IOException ex) {
		if (neverSent(ex)) {
			return new ProviderException(FailureCode.PROVIDER_UNAVAILABLE,
					"could not connect to " + provider + ": " + describe(ex), null, null, ex);
		}
		if (kind == CallKind.CREATE) {
			return new ProviderException(
					FailureCode.SUBMISSION_OUTCOME_UNKNOWN, "no answer from " + provider + " to the create call ("
							+ describe(ex) + "); the job may have been created, so Reelay does not submit it again",
					null, null, ex);
		}
		return new ProviderException(FailureCode.PROVIDER_UNAVAILABLE,
				"no answer from " + provider + ": " + describe(ex), null, null, ex);
	}

	static FailureCode codeFor(int status, CallKind kind, String hint) {
		if (status == 429 && hint.contains("insufficient_quota")) {
			// OpenAI-style APIs answer an exhausted balance with 429: no wait fixes it
			return FailureCode.INSUFFICIENT_CREDITS;
		}
		if (status == 400 || status == 403 || status == 422) {
			if (CREDITS.matcher(hint).find()) {
				return FailureCode.INSUFFICIENT_CREDITS;
			}
			if (CONTENT_POLICY.matcher(hint).find()) {
				return FailureCode.CONTENT_POLICY;
			}
		}
		return switch (status) {
			case 400, 409, 413, 415, 422 -> FailureCode.INVALID_REQUEST;
			case 401, 403 -> FailureCode.AUTHENTICATION;
			case 402 -> FailureCode.INSUFFICIENT_CREDITS;
			case 404, 410 -> FailureCode.NOT_FOUND;
			case 429 -> FailureCode.RATE_LIMITED;
			// 408 and 503 say the server did not take the request on: safe to send again
			case 408, 503 -> FailureCode.PROVIDER_UNAVAILABLE;
			default -> (status >= 500 && kind == CallKind.CREATE) ? FailureCode.SUBMISSION_OUTCOME_UNKNOWN
					: (status >= 500) ? FailureCode.PROVIDER_UNAVAILABLE : FailureCode.INVALID_REQUEST;
		};
	}

	/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
	static Duration retryAfter(HttpHeaders headers) {
		String value = headers.firstValue("Retry-After").orElse(null);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	private static boolean neverSent(IOException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

	private static String hint(ProviderError error) {
		return ((error.code() != null ? error.code() : "") + " " + (error.message() != null ? error.message() : ""))
			.toLowerCase(Locale.ROOT);
	}

	private static String describe(ProviderError error) {
		StringBuilder said = new StringBuilder(" (HTTP ").append(error.httpStatus());
		if (error.code() != null) {
			said.append(' ').append(error.code());
		}
		if (error.message() != null && !error.message().isBlank()) {
			said.append(": ").append(error.message());
		}
		return said.append(')').toString();
	}

	private static String describe(IOException ex) {
		if (ex instanceof HttpTimeoutException) {
			return "timed out";
		}
		return (ex.getMessage() != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

}
