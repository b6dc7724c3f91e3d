import { Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** Tracks whether the service's NATS request/reply server is connected, for readiness. */
@Injectable()
export class RpcServerStatus {
  private connected = false;

  watch(server: { status: Observable<string> }): void {
    server.status.subscribe((status) => {
      this.connected = status === 'connected';
    });
  }

  isConnected(): boolean {
    return this.connected;
  }
}
