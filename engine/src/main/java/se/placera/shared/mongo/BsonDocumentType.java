package se.placera.shared.mongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded database writes a document to its file (issue #18, item 4): as BSON, the bytes MongoDB itself
 * would store, behind one marker byte. mongo-java-server's H2 backend leaves its data maps on MVStore's
 * {@link ObjectDataType}, which writes a document with Java serialization: 232 bytes for an empty document (the
 * class descriptors of the document and its map), a read audit entry about 1 KB, and slow to write and read.
 *
 * <p>Files written before keep working: a value that does not start with the marker is read by
 * {@link ObjectDataType} as it was written (Java serialization starts with its own type tag, 19), and is
 * rewritten as BSON the next time the document is written.
 */
public final class BsonDocumentType extends BasicDataType<Document> {

    /** The first byte of a BSON value; {@link ObjectDataType}'s type tags stay below 128. */
    static final byte MARKER = (byte) 0xB5;

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private final ObjectDataType legacy = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        // The same rough estimate MVStore makes for an object it cannot measure: enough for cache accounting.
        return 24 + 48 * document.size();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (IllegalArgumentException notBson) {
                // A value BSON has no type for (documents from the wire never hold one): kept as before.
                legacy.write(buffer, document);
                return;
            }
            buffer.put(MARKER);
            int n = bson.readableBytes();
            buffer.put(bson.nioBuffer(bson.readerIndex(), n));
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        // A BSON document starts with its length (little-endian int32, the length included).
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int compare(Document a, Document b) {
        throw new UnsupportedOperationException("documents are values, not keys");
    }

    /** Bytes one document takes in the file as this type writes it (without the page around it). */
    public static int storedSize(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        INSTANCE.write(buffer, document);
        return buffer.position();
    }
}
