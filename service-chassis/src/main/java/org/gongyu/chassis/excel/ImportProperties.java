package org.gongyu.chassis.excel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Excel imports ({@code gongyu.imports.*}, ADR 0017).
 *
 * @param enabled      whether the service imports at all (creates the job table and the runner)
 * @param maxBytes     the largest file (keep {@code spring.servlet.multipart.max-file-size} above it, so that this
 *                     service's own 413 problem answers, not the container)
 * @param maxRows      the most data rows of one file
 * @param maxCellChars the longest cell
 * @param chunkSize    rows applied per transaction (figures are refreshed once per chunk)
 * @param threads      imports running at the same time in this process
 * @param queue        imports waiting; beyond, an upload is refused with 503
 * @param retention    how long an error workbook is kept after its job ended
 */
@ConfigurationProperties("gongyu.imports")
public record ImportProperties(Boolean enabled, Long maxBytes, Integer maxRows, Integer maxCellChars, Integer chunkSize,
    Integer threads, Integer queue, Duration retention) {

  public ImportProperties {
    enabled = enabled != null && enabled;
    maxBytes = maxBytes == null ? ExcelLimits.DEFAULT.maxBytes() : maxBytes;
    maxRows = maxRows == null ? ExcelLimits.DEFAULT.maxRows() : maxRows;
    maxCellChars = maxCellChars == null ? ExcelLimits.DEFAULT.maxCellChars() : maxCellChars;
    chunkSize = chunkSize == null ? 2000 : chunkSize;
    threads = threads == null ? 1 : threads;
    queue = queue == null ? 10 : queue;
    retention = retention == null ? Duration.ofDays(7) : retention;
  }

  public ExcelLimits limits() {
    return new ExcelLimits(maxBytes, maxRows, maxCellChars);
  }
}
