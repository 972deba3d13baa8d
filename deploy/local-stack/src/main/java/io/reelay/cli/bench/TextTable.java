package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
public final class TextTable {

	private final List<String[]> rows = new ArrayList<>();

	private final int columns;

	public TextTable(String... headings) {
		this.columns = headings.length;
		this.rows.add(headings);
	}

	public TextTable row(String... cells) {
		if (cells.length != this.columns) {
			throw new IllegalArgumentException("expected " + this.columns + " cells, got " + Arrays.toString(cells));
		}
		this.rows.add(cells);
		return this;
	}

	public void print(PrintWriter out, String indent) {
		int[] widths = new int[this.columns];
		for (String[] row : this.rows) {
			for (int column = 0; column < this.columns; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder(indent);
			for (int column = 0; column < this.columns; column++) {
				String cell = row[column];
				String padding = " ".repeat(widths[column] - cell.length());
				if (column == 0) {
					line.append(cell).append(padding);
				}
				else {
					line.append("  ").append(padding).append(cell);
				}
			}
			out.println(line.toString().stripTrailing());
		}
		out.flush();
	}

}
