package org.gongyu.reporting.report;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Documents leave as the bytes they hold ({@link DocumentConverter}, ahead of Jackson), and the
 * OpenAPI document shows the value a {@link Document} wraps, not the wrapper.
 */
@Configuration(proxyBeanMethods = false)
class DocumentWebConfig implements WebMvcConfigurer {

  static {
    SpringDocUtils.getConfig().addResponseWrapperToIgnore(Document.class);
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.addCustomConverter(new DocumentConverter());
  }
}
