/**
 * Which parts of the read model changed, and when: every write of a listener names the scopes it
 * touched ({@link org.gongyu.reporting.stamps.ReadModelStamps#changed}) and their stamps move in
 * {@code read_model_stamp} in the same transaction; every instance polls the table. The ready
 * documents ({@code report.Documents}) are rebuilt when a stamp they rest on has moved. Owns {@code
 * read_model_stamp}; reads {@code school_membership} (of {@code orgunits}) to know which counties a
 * school's change touches. Depends on no other feature.
 */
package org.gongyu.reporting.stamps;
