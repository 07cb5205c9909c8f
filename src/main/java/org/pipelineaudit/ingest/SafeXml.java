package org.pipelineaudit.ingest;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * The pull parser for workbook XML: Aalto (about twice the JDK's StAX on worksheet XML), with DTDs and
 * external entities off. A DOCTYPE is refused outright: no workbook needs one, and it is how XXE starts.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {
    }

    private static XMLInputFactory create() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The next event, refusing a DOCTYPE. */
    public static int next(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("a DOCTYPE or entity reference is not allowed in a workbook");
        }
        return event;
    }
}
