package org.gongyu.school.classes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Only the school's administrators record classes (the PUT is {@code SCHOOL_ADMIN}); the import
 * endpoint takes any school user, so an upload of the classes template by anyone else is refused
 * here, before the job is made, with the same 403 as the PUT's. (The template itself stays readable.)
 */
@Configuration
class ClassImportGuard implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod())) {
          Authentication auth = SecurityContextHolder.getContext().getAuthentication();
          boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_SCHOOL_ADMIN".equals(a.getAuthority()));
          if (!admin) {
            throw new AccessDeniedException("only a school administrator imports classes");
          }
        }
        return true;
      }
    }).addPathPatterns("/api/school/schools/*/imports/" + ClassImport.FAMILY);
  }
}
