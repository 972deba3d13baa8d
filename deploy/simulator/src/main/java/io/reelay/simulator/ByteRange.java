package io.reelay.simulator;

/**
 * The bytes a {@code Range: bytes=…} header asks for, both ends included: {@code N-},
 * {@code N-M} and the suffix form {@code -S}. Several ranges are answered with the whole
 * file, which HTTP allows.
 */
record ByteRange(long first, long last) {

	static ByteRange whole(long size) {
		return new ByteRange(0, size - 1);
	}

	/**
	 * The range asked for, or {@code null} when the whole file is to be served (no
	 * header, or one the server may ignore).
	 */
	static ByteRange parse(String header, long size) {
		if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
			return null;
		}
		String[] ends = header.substring("bytes=".length()).trim().split("-", 2);
		if (ends.length != 2 || !ends[0].matches("\\d*") || !ends[1].matches("\\d*")
				|| (ends[0].isEmpty() && ends[1].isEmpty())) {
			return null;
		}
		try {
			if (ends[0].isEmpty()) {
				long suffix = Long.parseLong(ends[1]);
				return new ByteRange((suffix == 0) ? size : Math.max(0, size - suffix), size - 1);
			}
			long first = Long.parseLong(ends[0]);
			long last = ends[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(ends[1]), size - 1);
			return (ends[1].isEmpty() || Long.parseLong(ends[1]) >= first) ? new ByteRange(first, last) : null;
		}
		catch (NumberFormatException tooLarge) {
			return null;
		}
	}

	/** A range that starts past the end cannot be served: 416. */
	boolean satisfiable(long size) {
		return this.first < size;
	}

	long length() {
		return this.last - this.first + 1;
	}

}
