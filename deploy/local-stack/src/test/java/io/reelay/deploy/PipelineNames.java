package io.reelay.deploy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.reelay.event.EventType;
import io.reelay.kafka.PipelineTopics;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.poller.PollerProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The topics and consumer groups the services really use, read from their code: the
 * public event topics, the topics each service declares, and the group of each stage's
 * consumers. Several are package-private in their service; they are read reflectively
 * rather than widened for this test, and a renamed one fails it loudly.
 */
final class PipelineNames {

	private PipelineNames() {
	}

	/** Every topic a service declares or consumes, with the default settings. */
	static Set<String> topics() {
		Set<String> topics = new TreeSet<>();
		for (EventType type : EventType.values()) {
			topics.add(type.topic());
		}
		PipelineTopics.all(defaults("reelay.kafka", ReelayKafkaProperties.class))
			.stream()
			.map(NewTopic::name)
			.forEach(topics::add);
		for (String tier : delayTopics()) {
			topics.add(tier);
			topics.add(tier + "-dlt");
		}
		topics.add(constant("io.reelay.poller.PollTopics", "LEARNED"));
		topics.add(constant("io.reelay.poller.PollTopics", "LEDGER"));
		topics.add(constant("io.reelay.submitter.SubmitterKafka", "LEDGER"));
		topics.add(constant("io.reelay.downloader.DownloaderConfiguration", "LEDGER"));
		topics.addAll(List.of(submitterListener().topics()));
		return topics;
	}

	/** The consumer group of each stage's consumers, by stage. */
	static java.util.Map<String, String> groups() {
		KafkaListener listener = submitterListener();
		// spring-kafka makes a listener's id its group unless told otherwise
		String submitter = (!listener.groupId().isEmpty()) ? listener.groupId() : listener.id();
		return java.util.Map.of("submitter", submitter, "poller", constant("io.reelay.poller.PollLoops", "GROUP"),
				"downloader", constant("io.reelay.downloader.DownloadLoops", "GROUP"));
	}

	/** The poll-delay topics of the default tiers, named as the poller names them. */
	@SuppressWarnings("unchecked")
	private static List<String> delayTopics() {
		List<Duration> tiers = defaults("reelay.poller", PollerProperties.class).delayTiers();
		try {
			Class<?> type = Class.forName("io.reelay.poller.DelayTiers");
			Constructor<?> constructor = type.getDeclaredConstructor(List.class);
			constructor.setAccessible(true);
			Method topics = type.getDeclaredMethod("topics");
			topics.setAccessible(true);
			return (List<String>) topics.invoke(constructor.newInstance(tiers));
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("io.reelay.poller.DelayTiers(List<Duration>).topics() is gone", ex);
		}
	}

	private static KafkaListener submitterListener() {
		try {
			for (Method method : Class.forName("io.reelay.submitter.RequestListener").getDeclaredMethods()) {
				KafkaListener listener = method.getAnnotation(KafkaListener.class);
				if (listener != null) {
					return listener;
				}
			}
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("io.reelay.submitter.RequestListener is gone", ex);
		}
		throw new AssertionError("io.reelay.submitter.RequestListener has no @KafkaListener");
	}

	private static String constant(String className, String field) {
		try {
			Field constant = Class.forName(className).getDeclaredField(field);
			constant.setAccessible(true);
			return (String) constant.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(className + "." + field + " is gone", ex);
		}
	}

	/** A settings record as a service binds it when nothing is set. */
	private static <T> T defaults(String prefix, Class<T> type) {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
	}

}
