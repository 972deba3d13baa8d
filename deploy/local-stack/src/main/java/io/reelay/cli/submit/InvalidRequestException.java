package io.reelay.cli.submit;

import java.util.List;

/** The request cannot be sent as it is; nothing was published. */
final class InvalidRequestException extends RuntimeException {

	private final List<String> problems;

	InvalidRequestException(String problem) {
		this(List.of(problem));
	}

	InvalidRequestException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/** One line per problem, each naming the field or option. */
	List<String> problems() {
		return this.problems;
	}

}
