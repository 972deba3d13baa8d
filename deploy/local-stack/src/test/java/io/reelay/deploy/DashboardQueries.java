package io.reelay.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PromQL of a Grafana dashboard: every panel's queries and the variables'. */
final class DashboardQueries {

	/** A series, function, keyword or label name; numbers do not start with a letter. */
	private static final Pattern NAME = Pattern.compile("(?<![\\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)\\}");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\s*\\([^,]+,([^)]+)\\)");

	private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

	/**
	 * Words of PromQL that are no series where no parenthesis follows: aggregations
	 * ({@code sum by (...)}), modifiers, operators.
	 */
	private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
			"count_values", "bottomk", "topk", "quantile", "by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "offset", "and", "or", "unless", "le", "inf", "nan");

	private final List<String> expressions;

	private final Set<String> datasources;

	private DashboardQueries(List<String> expressions, Set<String> datasources) {
		this.expressions = expressions;
		this.datasources = datasources;
	}

	static DashboardQueries read(Path dashboard) {
		try {
			JsonNode root = JsonMapper.builder().build().readTree(Files.readString(dashboard));
			List<String> expressions = new ArrayList<>();
			Set<String> datasources = new LinkedHashSet<>();
			collect(root, expressions, datasources);
			return new DashboardQueries(expressions, datasources);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every {@code expr} of a panel target and every variable's query, in order. */
	List<String> expressions() {
		return this.expressions;
	}

	/** The uid of every data source a panel or a query names. */
	Set<String> datasources() {
		return this.datasources;
	}

	/** The series a query reads, e.g. {@code reelay_stage_latency_seconds_bucket}. */
	static Set<String> seriesOf(String expression) {
		String text = withoutStrings(expression);
		Set<String> labels = labelsOf(expression);
		Set<String> series = new LinkedHashSet<>();
		Matcher name = NAME.matcher(text);
		while (name.find()) {
			boolean called = text.substring(name.end()).stripLeading().startsWith("(");
			if (!called && !KEYWORDS.contains(name.group()) && !labels.contains(name.group())) {
				series.add(name.group());
			}
		}
		return series;
	}

	/**
	 * The labels a query groups by, matches on or lists ({@code label_values}),
	 * {@code le} of histograms left out.
	 */
	static Set<String> labelsOf(String expression) {
		Set<String> labels = new LinkedHashSet<>();
		Matcher grouping = GROUPING.matcher(expression);
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.trim());
				}
			}
		}
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			Matcher matcher = MATCHER.matcher(selector.group(1));
			while (matcher.find()) {
				labels.add(matcher.group(1));
			}
		}
		Matcher listed = LABEL_VALUES.matcher(expression);
		while (listed.find()) {
			labels.add(listed.group(1).trim());
		}
		labels.remove("le");
		return labels;
	}

	/** Quoted label values and Grafana's $__rate_interval kept out of the name search. */
	private static String withoutStrings(String expression) {
		return expression.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\[[^\\]]*\\]", "[]");
	}

	private static void collect(JsonNode node, List<String> expressions, Set<String> datasources) {
		if (node.isObject()) {
			JsonNode datasource = node.get("datasource");
			if (datasource != null && datasource.isObject() && datasource.has("uid")) {
				datasources.add(datasource.get("uid").asString());
			}
			JsonNode expr = node.get("expr");
			if (expr != null && expr.isString()) {
				expressions.add(expr.asString());
			}
			JsonNode query = node.get("query");
			if (query != null && query.isString() && query.asString().contains("(")) {
				expressions.add(query.asString());
			}
			node.values().forEach((child) -> collect(child, expressions, datasources));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collect(child, expressions, datasources));
		}
	}

}
