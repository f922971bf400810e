package io.dyadwatch.alerts.sink;

import java.io.IOException;

/** Posts a JSON body to an endpoint; a seam so payload and resend logic are tested without HTTP. */
@FunctionalInterface
public interface Transport {

    /**
     * Posts the body; returns normally on a 2xx answer.
     *
     * @throws RejectedException on 400, 413 or 422
     * @throws IOException       on any other answer or no answer
     */
    void postJson(SinkEndpoint endpoint, byte[] body) throws IOException, InterruptedException;
}
