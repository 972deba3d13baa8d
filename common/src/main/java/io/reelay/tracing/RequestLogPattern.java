package io.reelay.tracing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the request id in front of the trace and span ids on each line of Boot's console
 * and file patterns: {@code [request-1] [4bf92f…-00f067…] }, nothing when a line is about
 * no request. A default of the lowest precedence: {@code logging.pattern.correlation}
 * given any other way wins. Set before the logging system starts, which a
 * {@code @PropertySource} file would be too late for. The JSON formats
 * ({@code logging.structured.format.console}) need nothing: they carry every MDC value as
 * a field.
 */
public class RequestLogPattern implements EnvironmentPostProcessor {

	static final String PROPERTY = "logging.pattern.correlation";

	/** {@code [requestId] } when set, then Boot's own {@code [traceId-spanId] }. */
	static final String PATTERN = "%replace([%X{" + RequestLogging.MDC_KEY + "}] ){'\\[\\] ', ''}%correlationId";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("reelayLogPattern", Map.of(PROPERTY, PATTERN)));
	}

}
