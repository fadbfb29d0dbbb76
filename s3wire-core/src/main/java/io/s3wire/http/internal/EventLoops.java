package io.s3wire.http.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The event loops and socket channel type: epoll when the native transport loads, else NIO. */
record EventLoops(EventLoopGroup group, Class<? extends SocketChannel> channelType, String name) {
  static EventLoops create(int threads) {
    DefaultThreadFactory tf = new DefaultThreadFactory("s3wire-io", true);
    boolean epoll;
    try {
      epoll = Epoll.isAvailable();
    } catch (LinkageError e) {
      epoll = false;
    }
    if (epoll) {
      return new EventLoops(new MultiThreadIoEventLoopGroup(threads, tf, EpollIoHandler.newFactory()), EpollSocketChannel.class, "epoll");
    }
    return new EventLoops(new MultiThreadIoEventLoopGroup(threads, tf, NioIoHandler.newFactory()), NioSocketChannel.class, "nio");
  }
}
