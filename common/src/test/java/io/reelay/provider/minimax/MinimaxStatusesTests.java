package io.reelay.provider.minimax;

import java.time.Instant;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.provider.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** MiniMax's query answers, word by word, as MiniMax documents them. */
class MinimaxStatusesTests {

	@ParameterizedTest
	@ValueSource(strings = { "Preparing", "Queueing", "Processing", "Archiving" })
	void keepsAJobRunningForEveryWordButSuccessAndFail(String word) {
		MinimaxTaskQuery query = query("{\"task_id\":\"1\",\"status\":\"" + word + "\",\"file_id\":\"\","
				+ "\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}");
		assertThat(MinimaxStatuses.failed(query)).isFalse();
		assertThat(MinimaxStatuses.succeeded(query)).isFalse();
		assertThat(MinimaxStatuses.running(query)).isEqualTo(new TaskStatus.Running(word, null));
	}

	@Test
	void waitsForTheFileOfASuccessThatHasNoneYet() {
		assertThat(MinimaxStatuses.succeeded(query("{\"task_id\":\"1\",\"status\":\"Success\",\"file_id\":\"\"}")))
			.isFalse();
		assertThat(MinimaxStatuses.succeeded(query("{\"task_id\":\"1\",\"status\":\"Success\",\"file_id\":\"77\"}")))
			.isTrue();
	}

	@Test
	void failsAJobThatSaysFailWithoutAReason() {
		TaskStatus.Failed failed = MinimaxStatuses.failure(query(
				"{\"task_id\":\"1\",\"status\":\"Fail\",\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}"));
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.message()).isEqualTo("minimax could not generate the video (status Fail, no reason given)");
	}

	@Test
	void keepsMiniMaxsCodeWhenAFailCarriesOne() {
		TaskStatus.Failed failed = MinimaxStatuses.failure(query("{\"task_id\":\"1\",\"status\":\"Fail\","
				+ "\"base_resp\":{\"status_code\":1033,\"status_msg\":\"downstream error\"}}"));
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerError().code()).isEqualTo("1033");
		assertThat(failed.providerError().message()).isEqualTo("downstream error");
	}

	@Test
	void failsOnSensitiveInputOrOutputEvenWithoutAStatusWord() {
		MinimaxTaskQuery query = query(
				"{\"task_id\":\"1\",\"base_resp\":{\"status_code\":1026,\"status_msg\":\"input new_sensitive\"}}");
		assertThat(MinimaxStatuses.failed(query)).isTrue();
		TaskStatus.Failed failed = MinimaxStatuses.failure(query);
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.providerStatus()).isEqualTo("Fail");
	}

	@Test
	void readsTheFileIdAsTextWhetherMiniMaxSendsAStringOrANumber() {
		MinimaxFileRetrieved retrieved = EventJson.read("{\"file\":{\"file_id\":361721749176519,\"bytes\":0,"
				+ "\"filename\":\"output.mp4\",\"download_url\":\"https://cdn.example.com/v.mp4\"},"
				+ "\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}}", MinimaxFileRetrieved.class);
		assertThat(retrieved.file().fileId()).isEqualTo("361721749176519");
		assertThat(query("{\"file_id\":\"361721749176519\"}").fileId()).isEqualTo("361721749176519");
	}

	@Test
	void readsTheExpiryOfSignedUrls() {
		assertThat(MinimaxUrls.signedExpiry("https://cdn.example.com/v.mp4?Expires=1900000000&Signature=x"))
			.contains(Instant.ofEpochSecond(1_900_000_000));
		assertThat(MinimaxUrls.signedExpiry(
				"https://s3.example.com/v.mp4?X-Amz-Date=20300101T000000Z&X-Amz-Expires=3600&X-Amz-Signature=x"))
			.contains(Instant.parse("2030-01-01T01:00:00Z"));
		assertThat(MinimaxUrls.signedExpiry("https://cdn.example.com/v.mp4")).isEmpty();
		assertThat(MinimaxUrls.signedExpiry("https://cdn.example.com/v.mp4?expires=soon")).isEmpty();
	}

	private static MinimaxTaskQuery query(String json) {
		return EventJson.read(json, MinimaxTaskQuery.class);
	}

}
