/** The arithmetic of survey counts shared by the tiers: what a school may send upward (ADR 0026). */
package org.gongyu.contracts.survey;
