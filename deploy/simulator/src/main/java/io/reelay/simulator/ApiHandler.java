package io.reelay.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves one provider's API: reads and records each call, refuses it in the provider's
 * own words without the right API key, else lets the API answer.
 */
final class ApiHandler implements HttpHandler {

	private final ProviderApi api;

	private final Simulation simulation;

	ApiHandler(ProviderApi api, Simulation simulation) {
		this.api = api;
		this.simulation = simulation;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			try {
				ApiCall call = ApiCall.read(exchange, this.api.name(), this.api.basePath(), this.api.errors(),
						this.simulation);
				if (!call.carriesApiKey()) {
					this.api.errors().unauthorized(call);
					return;
				}
				this.api.serve(call);
			}
			catch (RuntimeException bug) {
				// A simulator bug must show as one, not as a provider behaving oddly.
				bug.printStackTrace();
				if (exchange.getResponseCode() == -1) {
					Exchanges.sendBytes(exchange, 500, "text/plain",
							("simulator bug: " + bug).getBytes(StandardCharsets.UTF_8));
				}
			}
		}
	}

}
