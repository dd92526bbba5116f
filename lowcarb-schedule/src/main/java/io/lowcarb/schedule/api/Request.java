package io.lowcarb.schedule.api;

import java.util.Map;

/**
 * An HTTP request as the endpoints see it.
 *
 * @param method the method, upper case
 * @param query the query parameters
 * @param pathParameters the values of the route's {@code {name}} segments
 * @param authorization the Authorization header, or null
 * @param body the body's bytes (empty when none)
 */
record Request(String method, QueryString query, Map<String, String> pathParameters, String authorization, byte[] body) {}
