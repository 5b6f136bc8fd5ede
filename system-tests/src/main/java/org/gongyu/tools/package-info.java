/**
 * Command-line tools that act as a real client of the platform, through the gateway only: the
 * demo-city loader and the benchmark. The system test drives the platform with the same client.
 */
package org.gongyu.tools;
