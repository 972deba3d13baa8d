package io.reelay.simulator.openai;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Splitting {@code multipart/form-data} bodies. */
class MultipartTests {

	@Test
	void splitsFieldsAndFilesKeepingBinaryContent() {
		byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA boat\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n\u0000\u00ff\r\n\r\n--b--\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		List<Multipart.Part> parts = Multipart.parse("multipart/form-data; boundary=\"b\"", body);

		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).name()).isEqualTo("prompt");
		assertThat(parts.get(0).isFile()).isFalse();
		assertThat(parts.get(0).text()).isEqualTo("A boat");
		assertThat(parts.get(1).filename()).isEqualTo("a.png");
		assertThat(parts.get(1).contentType()).isEqualTo("image/png");
		assertThat(parts.get(1).content()).containsExactly(0x00, 0xff, '\r', '\n');
	}

	@Test
	void refusesABodyWithoutItsBoundary() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Multipart.parse("multipart/form-data; boundary=b", "no parts".getBytes()));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Multipart.parse("multipart/form-data", "--b--".getBytes()));
	}

}
