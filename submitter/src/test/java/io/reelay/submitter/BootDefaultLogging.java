package io.reelay.submitter;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * Logs a test class's services as a service logs in production, with Spring Boot's own
 * logback configuration (its console pattern, or its JSON formats) instead of the tests'
 * {@code logback-test.xml}; afterwards the tests' configuration again. Declare it before
 * {@code @SpringBootTest}: the class's context must be the one that sets logging up.
 */
class BootDefaultLogging implements BeforeAllCallback, AfterAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		clearBootLoggingProperties();
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, WithoutConfigFiles.class.getName());
		// a context still open from another class set logging up; let this class's do
		// it again
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
		clearBootLoggingProperties();
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		logback.reset();
		new ContextInitializer(logback).autoConfig();
	}

	/**
	 * Boot hands its logging settings (the pattern, the JSON format) to logback as system
	 * properties, and never replaces one that is set: another context's would win.
	 */
	private static void clearBootLoggingProperties() {
		for (LoggingSystemProperty property : LoggingSystemProperty.values()) {
			System.clearProperty(property.getEnvironmentVariableName());
		}
	}

	/**
	 * Boot's logback system blind to configuration files, as it is in a service's jar,
	 * which has none: it sets logback up as its defaults say.
	 */
	static class WithoutConfigFiles extends LogbackLoggingSystem {

		WithoutConfigFiles(ClassLoader classLoader) {
			super(classLoader);
		}

		@Override
		protected String[] getStandardConfigLocations() {
			return new String[0];
		}

		@Override
		protected String[] getSpringConfigLocations() {
			return new String[0];
		}

	}

}
