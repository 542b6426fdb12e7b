package it.mssg.web.idle;

import org.apache.coyote.Processor;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.assertj.core.api.Assertions.assertThat;

class QuietNioProtocolTest {

    @Test
    void checksTheTimeoutOfEveryWatchedRequestUntilItIsLetGo() {
        QuietNioProtocol protocol = new QuietNioProtocol();
        Processor stream = mock(Processor.class);
        Processor broken = mock(Processor.class);
        doThrow(new IllegalStateException("gone")).when(broken).timeoutAsync(anyLong());
        protocol.addWaitingProcessor(broken);
        protocol.addWaitingProcessor(stream);
        assertThat(protocol.watchedAsyncRequests()).isEqualTo(2).isEqualTo(protocol.getWaitingProcessorCount());

        protocol.timeOutAsyncRequests();
        verify(stream).timeoutAsync(anyLong()); // one failing request does not keep the others from their timeout
        verify(broken).timeoutAsync(anyLong());

        protocol.removeWaitingProcessor(stream);
        protocol.timeOutAsyncRequests();
        verify(stream, times(1)).timeoutAsync(anyLong());
        verify(broken, times(2)).timeoutAsync(anyLong());
        assertThat(protocol.watchedAsyncRequests()).isEqualTo(1).isEqualTo(protocol.getWaitingProcessorCount());
    }

    @Test
    void itsSelectorWakesEveryFiveSecondsNotEverySecond() {
        assertThat(new QuietNioProtocol().getSelectorTimeout()).isEqualTo(5_000);
    }
}
