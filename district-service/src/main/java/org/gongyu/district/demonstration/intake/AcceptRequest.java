package org.gongyu.district.demonstration.intake;

import jakarta.validation.constraints.Size;

/** Body of {@code POST …/applications/{applicationId}/accept}; the note is optional. */
record AcceptRequest(@Size(max = 500) String note) {}
