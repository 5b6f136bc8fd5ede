/** Topics school-service creates and publishes to. */
package org.gongyu.school.events;
