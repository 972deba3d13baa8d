package io.reelay.simulator.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault rules in force. Tests add and clear rules; the local stack names a fault
 * file, which is read again whenever it changes, so faults can be switched while the
 * stack runs.
 */
public final class FaultBook {

	private final List<ActiveRule> rules = new CopyOnWriteArrayList<>();

	private final Path file;

	private FileTime fileVersion;

	/** Rules from the Java API only. */
	public FaultBook() {
		this.file = null;
	}

	/**
	 * Rules from a fault file too; a file that cannot be read fails here, at start.
	 */
	public FaultBook(Path file) throws IOException {
		this.file = file;
		this.fileVersion = Files.getLastModifiedTime(file);
		replaceFileRules(FaultFile.read(file));
	}

	/** Adds a rule after those already in force (the first matching rule wins). */
	public FaultRule add(FaultRule rule) {
		this.rules.add(new ActiveRule(rule, false));
		return rule;
	}

	/** Adds the rules of a fault file. */
	public List<FaultRule> load(Path file) throws IOException {
		List<FaultRule> read = FaultFile.read(file);
		read.forEach(this::add);
		return read;
	}

	/**
	 * Removes every rule, those of the fault file too (until the file changes again).
	 */
	public void clear() {
		this.rules.clear();
	}

	/** The rules in force, spent ones left out. */
	public List<FaultRule> rules() {
		return this.rules.stream().filter((active) -> !active.spent()).map(ActiveRule::rule).toList();
	}

	/**
	 * The first rule in force that matches this call, which counts as one of its uses.
	 */
	public Optional<FaultRule> take(String provider, Operation operation, String prompt) {
		reloadIfChanged();
		for (ActiveRule active : this.rules) {
			if (active.rule().matches(provider, operation, prompt) && active.use()) {
				if (active.spent()) {
					this.rules.remove(active);
				}
				return Optional.of(active.rule());
			}
		}
		return Optional.empty();
	}

	private synchronized void reloadIfChanged() {
		if (this.file == null) {
			return;
		}
		try {
			FileTime version = Files.getLastModifiedTime(this.file);
			if (!version.equals(this.fileVersion)) {
				this.fileVersion = version;
				replaceFileRules(FaultFile.read(this.file));
			}
		}
		catch (NoSuchFileException removed) {
			this.fileVersion = null;
			replaceFileRules(List.of());
		}
		catch (IOException | IllegalArgumentException broken) {
			// A half-written or broken file must not stop the simulator: keep the rules
			// read last and say why.
			System.err.println("Fault file " + this.file + " not reloaded: " + broken.getMessage());
		}
	}

	private void replaceFileRules(List<FaultRule> fileRules) {
		this.rules.removeIf(ActiveRule::fromFile);
		fileRules.forEach((rule) -> this.rules.add(new ActiveRule(rule, true)));
	}

	private record ActiveRule(FaultRule rule, boolean fromFile, AtomicInteger uses) {

		ActiveRule(FaultRule rule, boolean fromFile) {
			this(rule, fromFile, new AtomicInteger());
		}

		/** Counts one use, unless the rule is spent already (another thread won). */
		boolean use() {
			if (this.rule.times() == 0) {
				return true;
			}
			int used = this.uses.get();
			while (used < this.rule.times()) {
				if (this.uses.compareAndSet(used, used + 1)) {
					return true;
				}
				used = this.uses.get();
			}
			return false;
		}

		boolean spent() {
			return this.rule.times() != 0 && this.uses.get() >= this.rule.times();
		}

	}

}
