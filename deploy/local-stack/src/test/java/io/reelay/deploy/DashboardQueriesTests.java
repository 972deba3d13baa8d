package io.reelay.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the series and labels out of the dashboard's PromQL, and the dashboard's own
 * shape.
 */
class DashboardQueriesTests {

	@Test
	void findsTheSeriesOfAQueryAndNotItsFunctionsLabelsOrValues() {
		String query = "histogram_quantile(0.99, sum by (le, stage) "
				+ "(rate(reelay_stage_latency_seconds_bucket{provider=~\"$provider\", call=\"status\"}[$__rate_interval])))";

		assertThat(DashboardQueries.seriesOf(query)).containsExactly("reelay_stage_latency_seconds_bucket");
		assertThat(DashboardQueries.labelsOf(query)).containsExactlyInAnyOrder("stage", "provider", "call");
	}

	@Test
	void findsEverySeriesOfAnArithmeticQuery() {
		String query = "sum by (provider) (rate(reelay_cost_usd_total[5m])) * 3600 / on (provider) "
				+ "max by (provider) (reelay_jobs_in_flight)";

		assertThat(DashboardQueries.seriesOf(query)).containsExactly("reelay_cost_usd_total", "reelay_jobs_in_flight");
	}

	@Test
	void findsTheSeriesAndLabelOfAVariableQuery() {
		String query = "label_values(reelay_requests_total, provider)";

		assertThat(DashboardQueries.seriesOf(query)).containsExactly("reelay_requests_total");
		assertThat(DashboardQueries.labelsOf(query)).containsExactly("provider");
	}

	@Test
	void theDashboardQueriesThePrometheusDataSourceItIsGiven() {
		DashboardQueries dashboard = DashboardQueries.read(RepositoryFiles.DASHBOARD);

		assertThat(dashboard.expressions()).hasSizeGreaterThan(15);
		assertThat(dashboard.datasources()).containsOnly("${datasource}");
	}

}
