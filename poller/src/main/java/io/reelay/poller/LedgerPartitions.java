package io.reelay.poller;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelay.ledger.RequestLedger;

/**
 * The ledger partitions an instance holds in memory, shared by its poll loops: a
 * partition is loaded when the first loop takes its number and forgotten when the last
 * loop gives it up. Two loops may own the same partition number (of different topics) and
 * then read and write the same entries.
 */
final class LedgerPartitions {

	private final RequestLedger ledger;

	private final Map<Integer, Integer> holders = new HashMap<>();

	LedgerPartitions(RequestLedger ledger) {
		this.ledger = ledger;
	}

	RequestLedger ledger() {
		return this.ledger;
	}

	/**
	 * Loads the partitions no loop holds yet, reading each to its end: nothing is taken
	 * when the load fails.
	 */
	synchronized void take(Collection<Integer> numbers) {
		if (numbers.isEmpty()) {
			return;
		}
		List<Integer> unloaded = numbers.stream()
			.filter((number) -> !this.holders.containsKey(number))
			.sorted()
			.toList();
		try {
			this.ledger.load(unloaded);
		}
		catch (RuntimeException ex) {
			// half a partition read would pass for the whole of it
			this.ledger.unload(unloaded);
			throw ex;
		}
		numbers.forEach((number) -> this.holders.merge(number, 1, Integer::sum));
	}

	/** Gives partitions up; those no loop holds any longer are forgotten. */
	synchronized void release(Collection<Integer> numbers) {
		List<Integer> unheld = new ArrayList<>();
		for (Integer number : numbers) {
			Integer left = this.holders.computeIfPresent(number, (key, count) -> (count > 1) ? count - 1 : null);
			if (left == null) {
				unheld.add(number);
			}
		}
		this.ledger.unload(unheld);
	}

}
