package io.s3wire.cli.doctor;

/** The operations each matrix row runs, in order. */
public enum Operation {
  BUCKET("bucket", "HEAD bucket (ListBuckets without --bucket)"),
  PUT("put", "PUT a small object"),
  GET("get", "GET it"),
  DELETE("delete", "DELETE it");

  private final String id;
  private final String description;

  Operation(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public boolean hasBody() {
    return this == PUT;
  }
}
