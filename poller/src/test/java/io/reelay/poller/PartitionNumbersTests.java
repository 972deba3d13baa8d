package io.reelay.poller;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.reelay.poller.PartitionNumbers.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionNumbersTests {

	@Test
	void aNewGroupSharesEveryNumberEvenly() {
		Map<String, Set<Integer>> shares = PartitionNumbers
			.share(List.of(member("a", -1), member("b", -1), member("c", -1)), 8);

		assertThat(shares.values()).extracting(Set::size).containsExactlyInAnyOrder(3, 3, 2);
		assertThat(union(shares)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
		assertNoNumberTwice(shares);
	}

	@Test
	void aMemberJoiningTakesNumbersOnlyOnceTheirOwnersGaveThemUp() {
		Member a = member("a", 4, 0, 1, 2);
		Member b = member("b", 4, 3, 4, 5);
		Member joining = member("c", -1);

		Map<String, Set<Integer>> first = PartitionNumbers.share(List.of(a, b, joining), 6);

		// each owner keeps two and lets one go; nobody gets those in this round
		assertThat(first.get("a")).hasSize(2).isSubsetOf(0, 1, 2);
		assertThat(first.get("b")).hasSize(2).isSubsetOf(3, 4, 5);
		assertThat(first.get("c")).isEmpty();

		Map<String, Set<Integer>> second = PartitionNumbers.share(
				List.of(member("a", 5, first.get("a")), member("b", 5, first.get("b")), member("c", 5, Set.of())), 6);

		assertThat(second.get("a")).isEqualTo(first.get("a"));
		assertThat(second.get("b")).isEqualTo(first.get("b"));
		assertThat(second.get("c")).hasSize(2);
		assertThat(union(second)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
		assertNoNumberTwice(second);
	}

	@Test
	void aMemberLeavingMovesOnlyItsOwnNumbers() {
		Map<String, Set<Integer>> shares = PartitionNumbers.share(List.of(member("a", 7, 0, 1), member("b", 7, 2, 3)),
				6);

		assertThat(shares.get("a")).contains(0, 1).hasSize(3);
		assertThat(shares.get("b")).contains(2, 3).hasSize(3);
		assertThat(union(shares)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
	}

	@Test
	void aStaleClaimLosesToTheLatestGeneration() {
		// "old" was thrown out of the group and still believes it owns 0 and 1
		Map<String, Set<Integer>> shares = PartitionNumbers
			.share(List.of(member("old", 3, 0, 1), member("new", 4, 0, 1, 2, 3)), 4);

		assertThat(shares.get("new")).containsExactlyInAnyOrder(0, 1);
		assertThat(shares.get("old")).isEmpty();
		assertNoNumberTwice(shares);
	}

	@Test
	void numbersBeyondThePartitionCountAreIgnored() {
		Map<String, Set<Integer>> shares = PartitionNumbers.share(List.of(member("a", 2, 0, 5, 9)), 3);

		assertThat(shares.get("a")).containsExactlyInAnyOrder(0, 1, 2);
	}

	@Test
	void moreMembersThanNumbersLeavesSomeIdle() {
		Map<String, Set<Integer>> shares = PartitionNumbers
			.share(List.of(member("a", -1), member("b", -1), member("c", -1)), 2);

		assertThat(shares.values()).extracting(Set::size).containsExactlyInAnyOrder(1, 1, 0);
	}

	private static Member member(String id, int generation, Integer... owned) {
		return new Member(id, generation, Set.of(owned));
	}

	private static Member member(String id, int generation, Set<Integer> owned) {
		return new Member(id, generation, owned);
	}

	private static Set<Integer> union(Map<String, Set<Integer>> shares) {
		Set<Integer> all = new HashSet<>();
		shares.values().forEach(all::addAll);
		return all;
	}

	private static void assertNoNumberTwice(Map<String, Set<Integer>> shares) {
		int total = shares.values().stream().mapToInt(Set::size).sum();
		assertThat(union(shares)).hasSize(total);
	}

}
