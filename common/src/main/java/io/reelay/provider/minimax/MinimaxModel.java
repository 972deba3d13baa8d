package io.reelay.provider.minimax;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The video models MiniMax documents, with the inputs, durations and resolutions each
 * takes. The 01 series makes 6-second 720P clips; Hailuo-02 chooses among three
 * resolutions and two lengths.
 */
enum MinimaxModel {

	T2V_01("T2V-01", Input.TEXT, false),

	T2V_01_DIRECTOR("T2V-01-Director", Input.TEXT, true),

	I2V_01("I2V-01", Input.FIRST_FRAME, false),

	I2V_01_DIRECTOR("I2V-01-Director", Input.FIRST_FRAME, true),

	I2V_01_LIVE("I2V-01-live", Input.FIRST_FRAME, false),

	S2V_01("S2V-01", Input.SUBJECT, false),

	HAILUO_02("MiniMax-Hailuo-02", Input.TEXT_OR_FIRST_FRAME, false);

	/** What a model makes its video from, besides the prompt. */
	enum Input {

		/** The prompt alone. */
		TEXT,

		/** A first-frame image, required. */
		FIRST_FRAME,

		/** The prompt, optionally a first-frame image. */
		TEXT_OR_FIRST_FRAME,

		/** One character image ({@code subject_reference}). */
		SUBJECT

	}

	private final String id;

	private final Input input;

	private final boolean director;

	MinimaxModel(String id, Input input, boolean director) {
		this.id = id;
		this.input = input;
		this.director = director;
	}

	static Optional<MinimaxModel> of(String id) {
		return Arrays.stream(values()).filter((model) -> model.id.equals(id)).findFirst();
	}

	static List<String> ids() {
		return Arrays.stream(values()).map(MinimaxModel::id).toList();
	}

	String id() {
		return this.id;
	}

	Input input() {
		return this.input;
	}

	/** Whether the prompt's square brackets are camera movements. */
	boolean director() {
		return this.director;
	}

	boolean takesFirstFrame() {
		return this.input == Input.FIRST_FRAME || this.input == Input.TEXT_OR_FIRST_FRAME;
	}

	List<Integer> durations() {
		return (this == HAILUO_02) ? List.of(6, 10) : List.of(6);
	}

	/** Resolutions as MiniMax spells them. */
	List<String> resolutions() {
		return (this == HAILUO_02) ? List.of("512P", "768P", "1080P") : List.of("720P");
	}

	/**
	 * The lengths a resolution allows; Hailuo-02 renders 1080P only as 6-second clips.
	 */
	List<Integer> durationsAt(String resolution) {
		return (this == HAILUO_02 && "1080P".equals(resolution)) ? List.of(6) : durations();
	}

}
