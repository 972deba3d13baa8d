package io.reelay.storage;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;

/** The bucket could not be read or written; the same call may succeed later. */
public class StorageException extends ReelayException {

	public StorageException(String message, Throwable cause) {
		super(FailureCode.STORAGE_FAILED, message, cause);
	}

}
