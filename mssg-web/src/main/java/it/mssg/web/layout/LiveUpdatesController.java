package it.mssg.web.layout;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The SSE stream every dashboard page listens to. */
@Controller
class LiveUpdatesController {

    private final LiveUpdates updates;

    LiveUpdatesController(LiveUpdates updates) {
        this.updates = updates;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return updates.subscribe();
    }
}
