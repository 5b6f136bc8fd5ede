/**
 * Parents' suggestions (家长意见建议) and whether the school resolved them: the {@code
 * SUGGESTIONS_RESOLVED} indicator. Only when, what kind and through which channel a suggestion came
 * is stored: never who made it, never its text.
 */
package org.gongyu.school.suggestion;
