package io.reelay.storage;

/** What the bucket knows about any object without reading it. */
public record ObjectFacts(String key, long size, String contentType) {

}
