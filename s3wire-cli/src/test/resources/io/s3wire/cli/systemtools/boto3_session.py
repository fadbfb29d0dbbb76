"""A boto3 session against an S3 endpoint, at boto3's defaults (credentials and CA bundle from the
environment, as boto3's users set them). One line per step on stdout: "ok STEP" or the exception,
which ends the session with a non-zero exit. Usage: boto3_session.py ENDPOINT BUCKET WORKDIR BIG_BYTES
"""
import hashlib
import os
import ssl
import sys
import urllib.request

import boto3
import botocore

endpoint, bucket, work, big_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
print(f"boto3 {boto3.__version__} botocore {botocore.__version__}", flush=True)


def step(name):
    def run(fn):
        fn()
        print("ok", name, flush=True)
    return run


def check(condition, what):
    if not condition:
        raise AssertionError(what)


@step("create_bucket")
def _():
    s3.create_bucket(Bucket=bucket)


@step("put_object with metadata, a space and unicode in the key")
def _():
    s3.put_object(Bucket=bucket, Key="dir x/ünï cödé.txt", Body=b"hello boto3\n", ContentType="text/plain",
                  Metadata={"purpose": "peer-test"})


@step("get_object")
def _():
    r = s3.get_object(Bucket=bucket, Key="dir x/ünï cödé.txt")
    check(r["Body"].read() == b"hello boto3\n", "body")
    check(r["ContentType"] == "text/plain", "content type " + r["ContentType"])


@step("head_object")
def _():
    r = s3.head_object(Bucket=bucket, Key="dir x/ünï cödé.txt")
    check(r["ContentLength"] == 12, "length")
    check(r["Metadata"] == {"purpose": "peer-test"}, "metadata " + repr(r["Metadata"]))


@step("put_object 1005 keys under many/")
def _():
    for i in range(1005):
        s3.put_object(Bucket=bucket, Key=f"many/{i:04d}", Body=b"x")


@step("list_objects_v2 paginator (two pages of at most 1000)")
def _():
    pages = list(s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="many/"))
    keys = [o["Key"] for p in pages for o in p.get("Contents", [])]
    check(len(pages) == 2, f"{len(pages)} pages")
    check(keys == [f"many/{i:04d}" for i in range(1005)], "keys in order")


@step("list_objects_v2 with a delimiter")
def _():
    r = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    check([p["Prefix"] for p in r["CommonPrefixes"]] == ["dir x/", "many/"], repr(r.get("CommonPrefixes")))


@step("delete_objects (1005 keys in two batches)")
def _():
    keys = [f"many/{i:04d}" for i in range(1005)]
    for start in (0, 1000):
        r = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys[start:start + 1000]]})
        check(not r.get("Errors"), repr(r.get("Errors")))
    check(s3.list_objects_v2(Bucket=bucket, Prefix="many/")["KeyCount"] == 0, "keys left")


big = os.path.join(work, "big.bin")
with open(big, "wb") as f:
    f.write(os.urandom(big_size))
with open(big, "rb") as f:
    big_md5 = hashlib.md5(f.read()).hexdigest()


def md5_of(path):
    with open(path, "rb") as f:
        return hashlib.md5(f.read()).hexdigest()


@step("upload_file (transfer manager, multipart)")
def _():
    s3.upload_file(big, bucket, "big.bin")
    etag = s3.head_object(Bucket=bucket, Key="big.bin")["ETag"]
    check(etag.endswith('-3"'), "a multipart ETag of 3 parts: " + etag)


@step("download_file (transfer manager, ranged parts)")
def _():
    out = os.path.join(work, "big.down")
    s3.download_file(bucket, "big.bin", out)
    check(md5_of(out) == big_md5, "downloaded bytes differ")


@step("copy_object")
def _():
    s3.copy_object(Bucket=bucket, Key="copied.txt", CopySource={"Bucket": bucket, "Key": "dir x/ünï cödé.txt"})
    check(s3.get_object(Bucket=bucket, Key="copied.txt")["Body"].read() == b"hello boto3\n", "copied body")


@step("copy (transfer manager, multipart copy)")
def _():
    s3.copy({"Bucket": bucket, "Key": "big.bin"}, bucket, "big-copy.bin")
    out = os.path.join(work, "big-copy.down")
    s3.download_file(bucket, "big-copy.bin", out)
    check(md5_of(out) == big_md5, "copied bytes differ")


@step("generate_presigned_url, fetched with urllib")
def _():
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "dir x/ünï cödé.txt"})
    ca = os.environ.get("AWS_CA_BUNDLE")
    context = ssl.create_default_context(cafile=ca) if ca else None
    with urllib.request.urlopen(url, context=context, timeout=20) as r:
        check(r.read() == b"hello boto3\n", "presigned body")


@step("delete_object and delete_bucket")
def _():
    for o in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
        s3.delete_object(Bucket=bucket, Key=o["Key"])
    s3.delete_bucket(Bucket=bucket)
