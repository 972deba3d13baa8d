package io.reelay.event;

/**
 * What the provider reports the generation cost, when it reports it.
 *
 * @param credits the provider's own billing unit
 * @param videoSeconds seconds of video generated
 */
public record Usage(Double credits, Double videoSeconds) {

}
