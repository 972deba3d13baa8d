package io.reelay.poller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shares partition numbers among a group's members, sticky and cooperative: a member
 * keeps the numbers it owns up to its fair share, and a number taken from one member is
 * given to no other in the same round, so that no two members ever own it at once (the
 * consumers' follow-up rebalance hands it on once its owner let it go).
 */
final class PartitionNumbers {

	private PartitionNumbers() {
	}

	/**
	 * A member as it asks to join.
	 *
	 * @param id its member id
	 * @param generation the group generation in which it owned {@code owned}, or -1: when
	 * two members claim a number, the later generation's claim holds
	 * @param owned the numbers it owns now
	 */
	record Member(String id, int generation, Set<Integer> owned) {
	}

	/** The numbers {@code 0..count-1} each member is to own after this round. */
	static Map<String, Set<Integer>> share(List<Member> members, int count) {
		Map<String, Set<Integer>> shares = new HashMap<>();
		if (members.isEmpty()) {
			return shares;
		}
		Map<String, Set<Integer>> claims = claims(members, count);
		List<Member> byClaims = new ArrayList<>(members);
		// members holding more keep more: the fewest numbers move
		byClaims.sort(
				Comparator.comparingInt((Member member) -> -claims.get(member.id()).size()).thenComparing(Member::id));
		int base = count / members.size();
		int larger = count % members.size();
		Map<String, Integer> quotas = new HashMap<>();
		Set<Integer> claimed = new TreeSet<>();
		for (int i = 0; i < byClaims.size(); i++) {
			String id = byClaims.get(i).id();
			int quota = base + ((i < larger) ? 1 : 0);
			quotas.put(id, quota);
			claimed.addAll(claims.get(id));
			shares.put(id, new TreeSet<>(claims.get(id).stream().limit(quota).toList()));
		}
		List<Integer> free = new ArrayList<>();
		for (int number = 0; number < count; number++) {
			if (!claimed.contains(number)) {
				free.add(number);
			}
		}
		for (Integer number : free) {
			String neediest = null;
			for (Member member : byClaims) {
				String id = member.id();
				int held = shares.get(id).size();
				if (held < quotas.get(id) && (neediest == null || held < shares.get(neediest).size())) {
					neediest = id;
				}
			}
			if (neediest == null) {
				break;
			}
			shares.get(neediest).add(number);
		}
		return shares;
	}

	/** Each number is claimed by one member at most: the one of the latest generation. */
	private static Map<String, Set<Integer>> claims(List<Member> members, int count) {
		List<Member> latestFirst = new ArrayList<>(members);
		latestFirst.sort(Comparator.comparingInt((Member member) -> -member.generation()).thenComparing(Member::id));
		Set<Integer> taken = new TreeSet<>();
		Map<String, Set<Integer>> claims = new HashMap<>();
		for (Member member : latestFirst) {
			Set<Integer> own = new TreeSet<>();
			for (Integer number : member.owned()) {
				if (number < count && taken.add(number)) {
					own.add(number);
				}
			}
			claims.put(member.id(), own);
		}
		return claims;
	}

}
