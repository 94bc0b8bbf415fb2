package org.ova.server.upload;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** A {@code POST /api/uploads} body as the Upload page sends it: folder, title, tags, then the file. */
public final class UploadForm {

    public static final String BOUNDARY = "ova-test-boundary";

    private UploadForm() {}

    public static byte[] body(String fileName, byte[] file, String folder, String title, String tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"folder", folder}, {"title", title}, {"tags", tags}}) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A request that posts {@code body} as an upload, with the header every write needs. */
    public static HttpRequest.Builder post(HttpRequest.Builder request, byte[] body) {
        return request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("X-Requested-With", "ova")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
