/**
 * Minimum-cost maximum flow by successive shortest paths (Bellman-Ford with a queue).
 * Graphs here are small (plan subjects x requirements), so clarity beats asymptotics.
 */
export class FlowNetwork {
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds an edge and returns its index, whose remaining capacity `residual` reports. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  residual(edge: number): number {
    return this.capacity[edge]!;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  /** Sends as much flow as possible from source to sink at the least total cost; returns the flow. */
  run(source: number, sink: number): number {
    let flow = 0;
    const n = this.nodeCount;
    const distance = new Array<number>(n);
    const viaEdge = new Array<number>(n);
    const queued = new Array<boolean>(n);
    for (;;) {
      distance.fill(Infinity);
      viaEdge.fill(-1);
      queued.fill(false);
      distance[source] = 0;
      const queue: number[] = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const node = queue[qi]!;
        queued[node] = false;
        for (let e = this.head[node]!; e !== -1; e = this.next[e]!) {
          if (this.capacity[e]! <= 0) continue;
          const target = this.to[e]!;
          const candidate = distance[node]! + this.cost[e]!;
          if (candidate < distance[target]!) {
            distance[target] = candidate;
            viaEdge[target] = e;
            if (!queued[target]) {
              queued[target] = true;
              queue.push(target);
            }
          }
        }
      }
      if (distance[sink] === Infinity) return flow;
      let push = Infinity;
      for (let node = sink; node !== source; node = this.to[viaEdge[node]! ^ 1]!) push = Math.min(push, this.capacity[viaEdge[node]!]!);
      for (let node = sink; node !== source; node = this.to[viaEdge[node]! ^ 1]!) {
        this.capacity[viaEdge[node]!]! -= push;
        this.capacity[viaEdge[node]! ^ 1]! += push;
      }
      flow += push;
    }
  }
}
