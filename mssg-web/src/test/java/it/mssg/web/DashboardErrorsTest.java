package it.mssg.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the dashboard's error handling logs: faults of ours as errors, routine endings of live streams not at all. */
@WebMvcTest(controllers = DashboardErrorsTest.Failing.class)
@Import(DashboardErrorsTest.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class DashboardErrorsTest extends WebSliceTest {

    @Controller
    static class Failing {
        @GetMapping("/test/stream-ended")
        void streamEnded() {
            throw new AsyncRequestTimeoutException();
        }

        @GetMapping("/test/broken")
        void broken() {
            throw new IllegalStateException("a fault of ours");
        }
    }

    @Test
    void aLiveStreamReachingItsTimeLimitIsNoErrorInTheLog(CapturedOutput output) throws Exception {
        mvc.perform(get("/test/stream-ended").with(owner()));
        assertThat(output.getOut()).doesNotContain("Dashboard request GET /test/stream-ended failed")
                .doesNotContain("AsyncRequestTimeoutException");
    }

    @Test
    void aFaultOfOursIsAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
        mvc.perform(get("/test/broken").with(owner())).andExpect(status().isInternalServerError());
        assertThat(output.getOut()).contains("Dashboard request GET /test/broken failed").contains("a fault of ours");
    }
}
